"use client";

import { useEffect } from "react";

/**
 * Escape hides an open glossary definition without moving focus (WCAG 1.4.13:
 * content on hover or focus is dismissible). Rendered once per page; the
 * definitions themselves need no JavaScript.
 */
export function TermDismiss() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      document.querySelectorAll(".term").forEach((t) => t.classList.add("term-dismissed"));
    };
    const reset = (e: Event) => {
      const term = (e.target as Element | null)?.closest?.(".term");
      if (term) term.classList.remove("term-dismissed");
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", reset);
    document.addEventListener("pointerover", reset);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", reset);
      document.removeEventListener("pointerover", reset);
    };
  }, []);
  return null;
}
