// A real local EVM node for tests and the bench: anvil from npm, spawned
// directly (its platform binary; nothing downloaded), on a free port, killed
// after. Multicall3 is deployed from viem's copy of its bytecode and moved to
// the canonical address with anvil_setCode. Test contracts are compiled with
// the solc npm compiler (cached per run).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { createPublicClient, createTestClient, createWalletClient, http, type Address, type Hex } from "viem";

import { MULTICALL3_ADDRESS } from "@/lib/live/readers/evm";

const root = path.resolve(__dirname, "..", "..");
const ANVIL_BIN = path.join(
  root,
  "node_modules",
  "@foundry-rs",
  `anvil-${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`,
  "bin",
  "anvil",
);
/** anvil's first default account (unlocked on the node). */
export const DEPLOYER: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

export interface Anvil {
  url: string;
  port: number;
  chainId: number;
  stop(): Promise<void>;
}

export async function startAnvil(opts: { port?: number; chainId?: number; loadState?: string } = {}): Promise<Anvil> {
  const chainId = opts.chainId ?? 31337;
  const args = ["--port", String(opts.port ?? 0), "--host", "127.0.0.1", "--chain-id", String(chainId)];
  if (opts.loadState) args.push("--load-state", opts.loadState);
  const child: ChildProcess = spawn(ANVIL_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`anvil did not start in 15 s:\n${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`anvil exited (${code}) before listening:\n${out}`));
    });
  });
  child.stdout!.removeAllListeners("data");
  child.stdout!.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    chainId,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

export function clients(url: string) {
  const transport = http(url, { retryCount: 0 });
  return {
    public: createPublicClient({ transport }),
    wallet: createWalletClient({ transport, account: DEPLOYER }),
    test: createTestClient({ transport, mode: "anvil" }),
  };
}

async function deployRaw(url: string, data: Hex): Promise<Address> {
  const c = clients(url);
  const hash = await c.wallet.sendTransaction({ data, chain: null });
  const receipt = await c.public.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  if (!receipt.contractAddress || receipt.status !== "success") throw new Error("deployment failed");
  return receipt.contractAddress;
}

/**
 * Multicall3's creation bytecode as viem ships it (for its "deployless" multicall;
 * not exported, so read from the installed package): offline, no compiler needed.
 */
export function multicall3CreationCode(): Hex {
  const file = path.join(root, "node_modules", "viem", "_cjs", "constants", "contracts.js");
  const m = /multicall3Bytecode\s*=\s*['"](0x[0-9a-f]+)['"]/.exec(fs.readFileSync(file, "utf8"));
  if (!m) throw new Error(`Multicall3 bytecode not found in ${file}`);
  return m[1] as Hex;
}

/** Multicall3 at 0xcA11bde05977b3631167028862bE2a173976CA11: deployed, then its runtime code set there. */
export async function setMulticall3(url: string): Promise<void> {
  const c = clients(url);
  const temp = await deployRaw(url, multicall3CreationCode());
  const code = await c.public.getCode({ address: temp });
  if (!code || code === "0x") throw new Error("Multicall3 deployment left no code");
  await c.test.setCode({ address: MULTICALL3_ADDRESS, bytecode: code });
}

// --- test contracts ---------------------------------------------------------------
const SOURCES = {
  "TestToken.sol": `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
/// A minimal ERC-20 for tests: the deployer mints and burns.
contract TestToken {
    string public name; string public symbol; uint8 public immutable decimals;
    uint256 public totalSupply; address public immutable owner;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor(string memory n, string memory s, uint8 d) { name = n; symbol = s; decimals = d; owner = msg.sender; }
    function mint(address to, uint256 v) external { require(msg.sender == owner, "owner"); totalSupply += v; balanceOf[to] += v; emit Transfer(address(0), to, v); }
    function burn(address from, uint256 v) external { require(msg.sender == owner, "owner"); balanceOf[from] -= v; totalSupply -= v; emit Transfer(from, address(0), v); }
    function transfer(address to, uint256 v) external returns (bool) { balanceOf[msg.sender] -= v; balanceOf[to] += v; emit Transfer(msg.sender, to, v); return true; }
    function approve(address s, uint256 v) external returns (bool) { allowance[msg.sender][s] = v; emit Approval(msg.sender, s, v); return true; }
    function transferFrom(address f, address t, uint256 v) external returns (bool) { allowance[f][msg.sender] -= v; balanceOf[f] -= v; balanceOf[t] += v; emit Transfer(f, t, v); return true; }
}`,
  "MockAggregator.sol": `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
/// Chainlink AggregatorV3Interface, as a Proof of Reserve feed exposes it.
contract MockAggregator {
    uint8 public immutable decimals; string public description; uint256 public constant version = 4;
    uint80 private round; int256 private answer; uint256 private updated;
    constructor(uint8 d, string memory desc, int256 a) { decimals = d; description = desc; setAnswer(a); }
    function setAnswer(int256 a) public { round += 1; answer = a; updated = block.timestamp; }
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) { return (round, answer, updated, updated, round); }
    function getRoundData(uint80 r) external view returns (uint80, int256, uint256, uint256, uint80) { require(r == round, "No data present."); return (round, answer, updated, updated, round); }
}`,
};

interface Artifact {
  abi: unknown[];
  bytecode: Hex;
}

let compiled: Record<string, Artifact> | undefined;

export function testContracts(): Record<"TestToken" | "MockAggregator", Artifact> {
  if (!compiled) {
    const cache = path.join(os.tmpdir(), `usd1-live-contracts-${Buffer.from(JSON.stringify(SOURCES)).length}.json`);
    if (fs.existsSync(cache)) compiled = JSON.parse(fs.readFileSync(cache, "utf8")) as Record<string, Artifact>;
    else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const solc = require("solc") as { compile(input: string): string };
      const input = {
        language: "Solidity",
        sources: Object.fromEntries(Object.entries(SOURCES).map(([k, content]) => [k, { content }])),
        settings: {
          evmVersion: "cancun",
          optimizer: { enabled: true, runs: 200 },
          outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
        },
      };
      const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
        errors?: { severity: string; formattedMessage: string }[];
        contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
      };
      const errors = (out.errors ?? []).filter((e) => e.severity === "error");
      if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
      compiled = {};
      for (const file of Object.values(out.contracts))
        for (const [name, c] of Object.entries(file)) compiled[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
      fs.writeFileSync(cache, JSON.stringify(compiled));
    }
  }
  return compiled as Record<"TestToken" | "MockAggregator", Artifact>;
}

export async function deployToken(url: string, symbol: string, decimals: number): Promise<Address> {
  const c = clients(url);
  const { abi, bytecode } = testContracts().TestToken;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const hash = await c.wallet.deployContract({ abi: abi as any, bytecode, args: [`${symbol} test`, symbol, decimals], chain: null });
  const r = await c.public.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  return r.contractAddress!;
}

export async function deployAggregator(url: string, decimals: number, description: string, answer: bigint): Promise<Address> {
  const c = clients(url);
  const { abi, bytecode } = testContracts().MockAggregator;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const hash = await c.wallet.deployContract({ abi: abi as any, bytecode, args: [decimals, description, answer], chain: null });
  const r = await c.public.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  return r.contractAddress!;
}

async function tokenWrite(url: string, token: Address, functionName: "mint" | "burn", who: Address, amount: bigint) {
  const c = clients(url);
  const hash = await c.wallet.writeContract({
    address: token,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    abi: testContracts().TestToken.abi as any,
    functionName,
    args: [who, amount],
    chain: null,
  });
  await c.public.waitForTransactionReceipt({ hash, pollingInterval: 50 });
}

export const mint = (url: string, token: Address, to: Address, amount: bigint) => tokenWrite(url, token, "mint", to, amount);
export const burn = (url: string, token: Address, from: Address, amount: bigint) => tokenWrite(url, token, "burn", from, amount);

/** The node's whole state (anvil_dumpState), to restart it later with the same contracts. */
export async function dumpState(url: string, file: string): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_dumpState", params: [] }),
  });
  const body = (await res.json()) as { result: string };
  const bytes = Buffer.from(body.result.replace(/^0x/, ""), "hex");
  // anvil returns the state gzipped; --load-state reads the JSON.
  fs.writeFileSync(file, bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
}
