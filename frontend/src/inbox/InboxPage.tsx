// Placeholder until this page is built (issue #8); replaced in the same change.
export default function InboxPage() {
  return <h1>InboxPage</h1>;
}
