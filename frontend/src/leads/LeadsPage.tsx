// Placeholder until this page is built (issue #8); replaced in the same change.
export default function LeadsPage() {
  return <h1>LeadsPage</h1>;
}
