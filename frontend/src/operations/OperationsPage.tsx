// Placeholder until this page is built (issue #8); replaced in the same change.
export default function OperationsPage() {
  return <h1>OperationsPage</h1>;
}
