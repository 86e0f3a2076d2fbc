import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders author Markdown safely: raw HTML is dropped (no <script>, no event handlers) and
 * react-markdown's URL filter turns javascript:, vbscript: and data: links into empty ones.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={defaultUrlTransform}>
      {source}
    </ReactMarkdown>
  );
}
