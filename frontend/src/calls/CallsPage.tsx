// Placeholder until this page is built (issue #8); replaced in the same change.
export default function CallsPage() {
  return <h1>CallsPage</h1>;
}
