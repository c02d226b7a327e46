// Placeholder until the embeddable web chat widget is built (issue #8); replaced in the same change.
export {};
