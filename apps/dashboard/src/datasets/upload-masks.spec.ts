import { maskImages, uploadMasks } from './upload-masks';

/** What fetch resolves with, as far as uploadMasks reads it (the test environment has no Response). */
const answer = (status: number, body: object) => ({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) });

const file = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });

describe('uploadMasks', () => {
  it('sends every mask in one multipart request with the header the proxy asks for, and answers what the platform kept', async () => {
    const send = jest.fn(async (_url: string, _init?: RequestInit) => answer(200, { masks: 2, abnormalFrames: 1, labelsFromMasks: true }));
    const accepted = await uploadMasks('v 1', [file('000.png'), file('001.png')], send as unknown as typeof fetch);
    expect(accepted).toEqual({ masks: 2, abnormalFrames: 1, labelsFromMasks: true });
    const [url, init] = send.mock.calls[0];
    expect(url).toBe('/uploads/videos/v%201/masks');
    expect(init?.headers).toEqual({ 'x-requested-with': 'XMLHttpRequest' });
    expect((init?.body as FormData).getAll('files').map((f) => (f as File).name)).toEqual(['000.png', '001.png']);
  });

  it('says what the platform found wrong, or that the dashboard did not answer', async () => {
    const refused = async () => answer(400, { error: { code: 'BAD_USER_INPUT', message: 'the uploaded masks holds 3 masks but video "01" has 180 frames' } });
    await expect(uploadMasks('v', [file('a.png')], refused as unknown as typeof fetch)).rejects.toThrow('holds 3 masks but video "01" has 180 frames');
    const offline = async () => Promise.reject(new TypeError('fetch failed'));
    await expect(uploadMasks('v', [file('a.png')], offline as unknown as typeof fetch)).rejects.toThrow(/did not answer/);
  });
});

describe('maskImages', () => {
  it('keeps the images of a picked folder and drops its other files', () => {
    const picked = [file('000.png'), file('notes.txt'), file('.DS_Store'), file('001.BMP'), file('._002.png'), file('003.jpeg')];
    expect(maskImages(picked).map((f) => f.name)).toEqual(['000.png', '001.BMP', '003.jpeg']);
  });
});
