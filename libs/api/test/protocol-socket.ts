// A graphql-transport-ws client that does only what a test tells it to: send any frame, including broken
// ones, read the server's messages in order, and see how and why the socket was closed or refused.
import WebSocket from 'ws';

export interface ServerMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

export interface Closed {
  code: number;
  reason: string;
}

/** An upgrade the server refused before any WebSocket existed. */
export class RefusedUpgrade extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`upgrade refused with HTTP ${status}: ${body}`);
  }
}

export class ProtocolSocket {
  private readonly messages: ServerMessage[] = [];
  private readonly waiting: { resolve: (message: ServerMessage) => void; reject: (error: Error) => void }[] = [];
  private closedWith?: Closed;
  readonly closed: Promise<Closed>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(message);
      else this.messages.push(message);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.closedWith = { code, reason: String(reason) };
        for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`socket closed ${code} ${String(reason)}`));
        resolve(this.closedWith);
      }),
    );
  }

  /**
   * Opens a socket on `url` (ws://…/graphql), from `localAddress` when given (any 127.x.y.z is this machine);
   * rejects with RefusedUpgrade when the server answers HTTP.
   */
  static open(url: string, headers: Record<string, string> = {}, protocol = 'graphql-transport-ws', localAddress?: string): Promise<ProtocolSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocol, { headers, localAddress });
      socket.once('open', () => resolve(new ProtocolSocket(socket)));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += String(chunk)));
        response.on('end', () => reject(new RefusedUpgrade(response.statusCode ?? 0, body)));
      });
      socket.once('error', reject);
    });
  }

  /** Opens a socket and completes connection_init; rejects when the server does not acknowledge. */
  static async connect(url: string, headers: Record<string, string> = {}, payload?: object, localAddress?: string): Promise<ProtocolSocket> {
    const socket = await ProtocolSocket.open(url, headers, undefined, localAddress);
    socket.send({ type: 'connection_init', ...(payload ? { payload } : {}) });
    const ack = await socket.next();
    if (ack.type !== 'connection_ack') throw new Error(`no connection_ack but ${ack.type}`);
    return socket;
  }

  /** Sends an object as JSON, or a string or bytes exactly as given. */
  send(frame: object | string | Buffer): void {
    this.socket.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  subscribe(id: string, query: string, variables: object = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** The next message from the server; rejects when the socket closes, or after `timeoutMs`, without one. */
  next(timeoutMs = 5_000): Promise<ServerMessage> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closedWith) return Promise.reject(new Error(`socket closed ${this.closedWith.code} ${this.closedWith.reason}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new Error(`no message from the server within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        resolve: (message: ServerMessage) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiting.push(waiter);
    });
  }

  /** Messages that arrived within `ms`, without waiting for any in particular. */
  async drain(ms: number): Promise<ServerMessage[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.messages.splice(0);
  }

  close(): Promise<Closed> {
    this.socket.close(1000);
    return this.closed;
  }
}
