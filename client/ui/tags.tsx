/** Tags: shown as a list, typed as comma-separated text. */

export function Tags({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** Comma-separated text ↔ a list of tags. */
export const splitTags = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);

export const joinTags = (tags: readonly string[]) => tags.join(", ");
