// A next/link whose site paths carry the current language: "/issuers/tether"
// becomes "/es/issuers/tether" on a Spanish page, prefetched on the reader's
// intent (./intent-link.tsx). Server components only; client components use
// useLocalizeHref() from ./client.
import type NextLink from "next/link";
import type { ComponentProps } from "react";

import { currentLocale } from "@/lib/i18n/server";
import { localizeHref } from "@/i18n/routing";

import { IntentLink } from "./intent-link";

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "prefetch"> & { href: string };

export async function Link({ href, ...rest }: Props) {
  const locale = await currentLocale();
  return <IntentLink href={localizeHref(href, locale)} {...rest} />;
}
