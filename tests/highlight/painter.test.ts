import { describe, expect, it } from 'vitest';
import { createPainter } from '../../lib/highlight/painter';
import { runSliced } from '../../lib/highlight/sliced';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
const fakeEnv = () => {
  const registry = new Map<string, FakeHighlight>();
  return {
    registry,
    env: {
      registry: registry as unknown as HighlightRegistry,
      createHighlight: () => new FakeHighlight() as unknown as Highlight,
    },
  };
};
const range = (id: number) => ({ id }) as unknown as AbstractRange;

describe('createPainter', () => {
  it('paints each kind under its own unique name', () => {
    const { registry, env } = fakeEnv();
    const painter = createPainter(env, 'abc123');
    painter.paint('asserts', [range(1), range(2)]);
    painter.paint('denies', [range(3)]);
    expect(registry.get('nexus-lens-asserts-abc123')?.size).toBe(2);
    expect(registry.get('nexus-lens-denies-abc123')?.size).toBe(1);
    painter.paint('asserts', [range(4)]);
    expect(registry.get('nexus-lens-asserts-abc123')?.size).toBe(1);
  });

  it('restores what a page cleared or replaced, and only that', () => {
    const { registry, env } = fakeEnv();
    const painter = createPainter(env, 's');
    painter.paint('asserts', [range(1)]);
    painter.paint('hedges', [range(2)]);
    expect(painter.restore()).toBe(0);
    registry.clear();
    registry.set('nexus-lens-hedges-s', new FakeHighlight());
    expect(painter.restore()).toBe(2);
    expect(registry.get('nexus-lens-asserts-s')?.size).toBe(1);
    expect(registry.get('nexus-lens-hedges-s')?.size).toBe(1);
  });

  it('styles every name it uses and clears only its own', () => {
    const { registry, env } = fakeEnv();
    const painter = createPainter(env, 'q');
    registry.set('page-own', new FakeHighlight());
    painter.paint('note', [range(1)]);
    for (const name of Object.values(painter.names)) expect(painter.css()).toContain(`::highlight(${name})`);
    painter.clear();
    expect([...registry.keys()]).toEqual(['page-own']);
  });
});

describe('runSliced', () => {
  it('yields between slices when the budget is spent', async () => {
    let clock = 0;
    let yields = 0;
    const done: number[] = [];
    const slices = await runSliced(
      [1, 2, 3, 4, 5],
      (n) => {
        done.push(n);
        clock += 5;
      },
      8,
      () => clock,
      async () => {
        yields++;
      },
    );
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(slices).toBe(3);
    expect(yields).toBe(2);
  });
});
