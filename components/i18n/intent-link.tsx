"use client";

// A link to another page of the site, prefetched once the reader shows they may
// follow it (a pointer over it, a finger on it, keyboard focus on it) instead of
// as soon as it is on screen. Next's default prefetched the header's pages on
// every page view: on a phone about 100 KB of payloads and, in Lighthouse
// traces, 35 to 45% of the main thread's script time (the minimal page and
// Tether's), for pages most readers never open. A touch starts the prefetch
// about 100 ms before the click.
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

export function IntentLink(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return <NextLink {...props} prefetch={intent ? null : false} onMouseEnter={show} onTouchStart={show} onFocus={show} />;
}
