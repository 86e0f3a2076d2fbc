"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="message-page" role="alert">
      <h1>Something went wrong</h1>
      <p>We could not load this page. Your purchases are safe; please try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
