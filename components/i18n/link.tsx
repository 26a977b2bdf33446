// A next/link whose site paths carry the current language: "/issuers/tether"
// becomes "/es/issuers/tether" on a Spanish page. Server components only; client
// components use useLocalizeHref() from ./client.
import NextLink from "next/link";
import type { ComponentProps } from "react";

import { currentLocale } from "@/lib/i18n/server";
import { localizeHref } from "@/i18n/routing";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

export async function Link({ href, ...rest }: Props) {
  const locale = await currentLocale();
  return <NextLink href={localizeHref(href, locale)} {...rest} />;
}
