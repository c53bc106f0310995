/**
 * Wires the IPC contract to main-process handlers (RELIABILITY.md item 6). Every request is
 * checked in this order: who sent it, what it carries, what the handler answers; failures come
 * back as plain `{ name, message }` values, never as thrown errors with stacks.
 * Imports no Electron at run time, so it is tested with a fake `ipcMain` and forged events.
 */
import { z } from 'zod';
import {
  ipcChannels,
  ipcContract,
  type IpcChannel,
  type IpcError,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc/contract.js';
import { isAppUrl } from './protocol.js';

/** The part of Electron's `IpcMainInvokeEvent` the sender check reads. */
export interface IpcSenderEvent {
  /** The frame that sent the message; `null` once it navigated away or was destroyed. */
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** One handler per channel of the contract, taking a request already validated. */
export type IpcHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };

export interface IpcOptions {
  /** Which sender URLs may call; by default only the app's own pages. */
  readonly isTrustedSender?: (url: string) => boolean;
  /** Told about every refused or failed request, with the original error where there was one. */
  readonly reportError?: (channel: IpcChannel, error: unknown) => void;
}

/** Messages cross to the renderer; an error message longer than this is cut. */
const maxMessageLength = 1000;

/** An error as it crosses IPC: a name and a bounded message, no stack, no prototype. */
function ipcError(name: string, message: string): IpcError {
  const shortened = message.length > maxMessageLength ? `${message.slice(0, maxMessageLength)}…` : message;
  return { name, message: shortened };
}

/** What a handler threw, as `{ name, message }`; never throws itself, whatever was thrown. */
function describeThrown(thrown: unknown): IpcError {
  try {
    if (thrown instanceof Error) return ipcError(String(thrown.name), String(thrown.message));
    return ipcError('Error', String(thrown));
  } catch {
    return ipcError('Error', 'The handler failed with a value that cannot be described.');
  }
}

/** The sender's URL, or `null` when there is no frame to check. */
function senderUrlOf(event: IpcSenderEvent | null | undefined): string | null {
  try {
    const url = event?.senderFrame?.url;
    return typeof url === 'string' ? url : null;
  } catch {
    // Electron's getter can throw for a frame that is being torn down.
    return null;
  }
}

/**
 * Registers one `ipcMain.handle` listener per contract channel. Each listener refuses a sender
 * that is not one of the app's own pages (`ForbiddenSender`), a payload that does not match the
 * channel's request schema (`InvalidRequest`), and an answer that does not match its response
 * schema (`InvalidResponse`); an error the handler throws comes back as its `{ name, message }`.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, options: IpcOptions = {}): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, ...args) => answer(channel, handlers, event, args, options));
  }
}

async function answer<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  event: IpcSenderEvent,
  args: unknown[],
  options: IpcOptions,
): Promise<IpcResult<IpcResponse<C>>> {
  const isTrustedSender = options.isTrustedSender ?? isAppUrl;
  const refuse = (error: IpcError, cause: unknown = error): IpcResult<IpcResponse<C>> => {
    options.reportError?.(channel, cause);
    return { ok: false, error };
  };

  const senderUrl = senderUrlOf(event);
  if (senderUrl === null || !isTrustedSender(senderUrl)) {
    return refuse(ipcError('ForbiddenSender', `Only LayerLab's own pages may call ${channel}.`));
  }

  // Every channel takes one argument at most; a second one would be ignored, so it is refused.
  if (args.length > 1) {
    return refuse(ipcError('InvalidRequest', `${channel} takes one argument, got ${args.length}.`));
  }
  // The contract pairs each channel with its schemas; TypeScript cannot follow that through `C`.
  const { request: requestSchema, response: responseSchema } = ipcContract[channel] as unknown as {
    request: z.ZodType<IpcRequest<C>>;
    response: z.ZodType<IpcResponse<C>>;
  };
  const request = requestSchema.safeParse(args[0]);
  if (!request.success) {
    return refuse(ipcError('InvalidRequest', `${channel}: ${z.prettifyError(request.error)}`));
  }

  let value: IpcResponse<C>;
  try {
    const handler = handlers[channel] as (request: IpcRequest<C>) => Promise<IpcResponse<C>>;
    value = await handler(request.data);
  } catch (error) {
    return refuse(describeThrown(error), error);
  }

  const response = responseSchema.safeParse(value);
  if (!response.success) {
    return refuse(ipcError('InvalidResponse', `${channel}: ${z.prettifyError(response.error)}`));
  }
  return { ok: true, value: response.data };
}
