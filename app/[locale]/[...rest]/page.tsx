import { notFound } from "next/navigation";

// Unknown paths inside a language answer that language's 404 page.
export default function UnknownPage() {
  notFound();
}
