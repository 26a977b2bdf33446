import { ComparisonTable } from "@/components/home/comparison-table";

export default function HomePage() {
  return (
    <>
      <h1>How dollar stablecoins are backed</h1>
      <p className="lede">
        Every issuer we track, compared on its latest published reserve report: how much backs the tokens, in what, how
        often an independent firm checks it, and how it fared under stress. Each figure links to its source.
      </p>
      <ComparisonTable />
    </>
  );
}
