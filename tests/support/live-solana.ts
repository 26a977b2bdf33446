// Solana for tests: litesvm runs the real SPL Token program in-process; a
// small JSON-RPC server of ours over it answers getTokenSupply (and
// getSlot), so @solana/kit reads supply through HTTP as from a real node.
// Honest scope: the RPC layer is ours, the token program and accounts are real.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getCreateAccountInstruction } from "@solana-program/system";
import {
  findAssociatedTokenPda,
  getBurnInstruction,
  getCreateAssociatedTokenInstruction,
  getInitializeMint2Instruction,
  getMintDecoder,
  getMintSize,
  getMintToInstruction,
  TOKEN_PROGRAM_ADDRESS,
} from "@solana-program/token";
import {
  address,
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Address,
  type Instruction,
  type KeyPairSigner,
} from "@solana/kit";
import { LiteSVM } from "litesvm";

export interface SolanaNode {
  url: string;
  svm: LiteSVM;
  payer: KeyPairSigner;
  requests: number;
  createMint(decimals: number, supply: bigint): Promise<Address>;
  mintTo(mint: Address, amount: bigint): Promise<void>;
  burn(mint: Address, amount: bigint): Promise<void>;
  close(): Promise<void>;
}

export async function startSolanaNode(): Promise<SolanaNode> {
  const svm = new LiteSVM();
  const payer = await generateKeyPairSigner();
  svm.airdrop(payer.address, lamports(100_000_000_000n));
  let slot = svm.getClock().slot;

  const send = async (ixs: Instruction[]) => {
    const msg = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: svm.latestBlockhash(), lastValidBlockHeight: 0n }, m),
      (m) => appendTransactionMessageInstructions(ixs, m),
    );
    const result = svm.sendTransaction(await signTransactionMessageWithSigners(msg));
    if ("err" in result && typeof result.err === "function")
      throw new Error(`transaction failed: ${String(result.err())} ${result.meta().logs().join("\n")}`);
    // each transaction in its own slot, like a chain moving on
    slot += 1n;
    svm.warpToSlot(slot);
    svm.expireBlockhash();
  };
  const ataOf = async (mint: Address) =>
    (await findAssociatedTokenPda({ owner: payer.address, mint, tokenProgram: TOKEN_PROGRAM_ADDRESS }))[0];

  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const reply = (payload: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(payload, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
      };
      let call: { id: unknown; method: string; params?: unknown[] };
      try {
        call = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof call;
      } catch {
        return reply({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      }
      const context = { slot: svm.getClock().slot, apiVersion: "2.2.0" };
      if (call.method === "getSlot") return reply({ jsonrpc: "2.0", id: call.id, result: context.slot });
      if (call.method === "getTokenSupply") {
        let mint: Address;
        try {
          mint = address(String(call.params?.[0]));
        } catch {
          return reply({ jsonrpc: "2.0", id: call.id, error: { code: -32602, message: "Invalid param: Invalid" } });
        }
        const account = svm.getAccount(mint);
        if (!account.exists || account.programAddress !== TOKEN_PROGRAM_ADDRESS)
          return reply({ jsonrpc: "2.0", id: call.id, error: { code: -32602, message: "Invalid param: not a Token mint" } });
        const m = getMintDecoder().decode(account.data);
        const amount = m.supply.toString();
        const uiAmountString = m.decimals
          ? `${amount.padStart(m.decimals + 1, "0").slice(0, -m.decimals)}.${amount.padStart(m.decimals + 1, "0").slice(-m.decimals)}`.replace(
              /\.?0+$/,
              "",
            )
          : amount;
        return reply({
          jsonrpc: "2.0",
          id: call.id,
          result: { context, value: { amount, decimals: m.decimals, uiAmount: Number(uiAmountString), uiAmountString } },
        });
      }
      reply({ jsonrpc: "2.0", id: call.id, error: { code: -32601, message: "Method not found" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    svm,
    payer,
    get requests() {
      return state.requests;
    },
    async createMint(decimals, supply) {
      const mint = await generateKeyPairSigner();
      const ata = (await findAssociatedTokenPda({ owner: payer.address, mint: mint.address, tokenProgram: TOKEN_PROGRAM_ADDRESS }))[0];
      await send([
        getCreateAccountInstruction({
          payer,
          newAccount: mint,
          lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(getMintSize()))),
          space: getMintSize(),
          programAddress: TOKEN_PROGRAM_ADDRESS,
        }),
        getInitializeMint2Instruction({ mint: mint.address, decimals, mintAuthority: payer.address }),
        getCreateAssociatedTokenInstruction({ payer, ata, owner: payer.address, mint: mint.address }),
        ...(supply > 0n ? [getMintToInstruction({ mint: mint.address, token: ata, mintAuthority: payer, amount: supply })] : []),
      ]);
      return mint.address;
    },
    async mintTo(mint, amount) {
      await send([getMintToInstruction({ mint, token: await ataOf(mint), mintAuthority: payer, amount })]);
    },
    async burn(mint, amount) {
      await send([getBurnInstruction({ account: await ataOf(mint), mint, authority: payer, amount })]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
