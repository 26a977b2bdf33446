import type { ReserveCategory } from "@/lib/domain/taxonomy";
import { CATEGORY_COLORS } from "@/lib/charts/palette";

/**
 * A category's colour key. An SVG with a fill attribute rather than an inline
 * style, so a strict style-src CSP allows it; "not captured" is hatched, never
 * a colour, so it cannot be mistaken for the issuer's "other / undisclosed".
 */
export function Swatch({ category }: { category: ReserveCategory | "not_captured" }) {
  return (
    <svg className="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {category === "not_captured" ? (
        <>
          <rect x="0.5" y="0.5" width="11" height="11" fill="none" stroke="currentColor" />
          <path d="M0 12L12 0M-3 3L3 -3M9 15L15 9" stroke="currentColor" strokeWidth="1.5" />
        </>
      ) : (
        <rect width="12" height="12" rx="2" fill={CATEGORY_COLORS[category]} />
      )}
    </svg>
  );
}
