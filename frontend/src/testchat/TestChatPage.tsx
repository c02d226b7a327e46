// Placeholder until this page is built (issue #8); replaced in the same change.
export default function TestChatPage() {
  return <h1>TestChatPage</h1>;
}
