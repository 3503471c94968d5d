import type { HclAttr, HclBlock } from '../../parse/hcl-positions.js';
import { tfPosition, type TfBlock } from '../../parse/terraform-module.js';
import { defineRule, each } from '../../rule.js';
import { resources } from './shared.js';

const ATTRS = new Set(['volume_type', 'storage_type', 'type']);

export default defineRule({
  meta: {
    id: 'SLW-TF-033',
    slug: 'gp3-volumes',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'gp2 volume where gp3 is cheaper',
    rationale: 'gp3 costs about 20% less than gp2 per GB and gives 3,000 IOPS regardless of size; the change is online and needs no downtime.',
    fixHint: 'Use `"gp3"` for volume_type / storage_type.',
    wellArchitected: ['COST05-BP05', 'PERF03-BP02'],
    equivalents: {},
    fixable: true,
  },
  check(mod) {
    const owners = resources(mod, 'aws_ebs_volume', 'aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_db_instance', 'aws_eks_node_group');
    return each(owners, (r) =>
      gp2Attrs(r).map((attr) => ({
        location: tfPosition(r.file, attr.valueStart),
        message: `${r.type}.${r.name} uses a gp2 volume`,
        fix: () => [{ file: r.file.path, start: attr.valueStart, end: attr.valueEnd, text: '"gp3"' }],
      })),
    );
  },
});

/** Every `volume_type = "gp2"` (or storage_type/type) inside the resource, nested blocks included. */
function gp2Attrs(r: TfBlock): HclAttr[] {
  if (!r.pos) return [];
  const out: HclAttr[] = [];
  const walk = (b: HclBlock): void => {
    for (const a of b.attrs.values()) {
      if (ATTRS.has(a.name) && r.file.source.text.slice(a.valueStart, a.valueEnd) === '"gp2"') out.push(a);
    }
    b.blocks.forEach(walk);
  };
  walk(r.pos);
  return out;
}
