import { ProgressDisplay, progressBar } from './progress-display';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

describe('progress display', () => {
  it('draws a bar of the fraction done, or a question mark before the size is known', () => {
    expect(progressBar(0.37, 10)).toBe('[####------]  37 %');
    expect(progressBar(1, 4)).toBe('[####] 100 %');
    expect(progressBar(null)).toBe('[?]');
  });

  it('redraws one line in place on a terminal, at most five times a second, and ends it for other messages', () => {
    let t = 0;
    const out = stream(true);
    const display = new ProgressDisplay(out, () => t);
    display.update(0.1, 'epoch 1');
    t = 100;
    display.update(0.2, 'epoch 1'); // too soon
    t = 300;
    display.update(0.3, 'epoch 1');
    display.log('epoch 1 done');
    expect(out.written).toEqual([`\r\x1b[K${progressBar(0.1)} epoch 1`, `\r\x1b[K${progressBar(0.3)} epoch 1`, '\n', 'epoch 1 done\n']);
  });

  it('writes plain lines every ten seconds elsewhere, and important ones at once', () => {
    let t = 0;
    const out = stream(false);
    const display = new ProgressDisplay(out, () => t);
    display.update(0.1, 'a');
    t = 5000;
    display.update(0.2, 'b');
    display.update(0.5, 'end of epoch', true);
    t = 16_000;
    display.update(0.6, 'c');
    display.finish();
    expect(out.written).toEqual(['a\n', 'end of epoch\n', 'c\n']);
  });
});
