// Placeholder until this page is built (issue #8); replaced in the same change.
export default function PipelinePage() {
  return <h1>PipelinePage</h1>;
}
