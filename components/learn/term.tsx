import { useId } from "react";

/**
 * A word with its glossary definition, readable without JavaScript: the
 * definition shows on hover, on keyboard focus and on tap (a tap focuses the
 * button), and screen readers hear it as the button's description. Moving away
 * hides it (CSS :hover / :focus-within); Escape too (TermDismiss).
 */
export function Term({ id, term, definition, children }: { id: string; term: string; definition: string; children: React.ReactNode }) {
  const tipId = `tip-${id}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <span className="term" data-term={id}>
      <button type="button" className="term-word" aria-describedby={tipId}>
        {children}
      </button>
      <span role="tooltip" id={tipId} className="term-tip">
        <strong>{term}</strong>: {definition}
      </span>
    </span>
  );
}
