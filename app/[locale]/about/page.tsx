import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "About",
  description: "What USD1 Backed is, who it is for, and what it does not do.",
};

export default function AboutPage() {
  return (
    <article className="prose">
      <h1>About USD1 Backed</h1>
      <p>
        USD1 Backed is an open-source, neutral record of how dollar stablecoins are backed: tokens meant to be redeemable
        one for one for U.S. dollars, whoever issues them. For each issuer it keeps every reserve report we could find,
        with its dates, the firm that checked it, the figures as published and a link to the page they were read from.
      </p>
      <p>
        It describes; it does not rate, rank or recommend, and it never calls a token safe. Every computed figure is
        explained on the <a href="/methodology">methodology page</a> and can be recomputed from the data downloads.
      </p>
      <p>
        Figures are entered by maintainers. A correction keeps the earlier figures visible, and every change is recorded
        with who made it and when.
      </p>
    </article>
  );
}
