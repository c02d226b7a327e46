// Placeholder until this page is built (issue #8); replaced in the same change.
export default function LeadDetailPage() {
  return <h1>LeadDetailPage</h1>;
}
