import Link from "next/link";
import { SiteFrame } from "@/components/site-frame";

export default function NotFound() {
  return (
    <SiteFrame>
      <div className="message-page">
        <h1>Page not found</h1>
        <p>This article does not exist, or it is no longer published.</p>
        <p>
          <Link href="/">Back to all articles</Link>
        </p>
      </div>
    </SiteFrame>
  );
}
