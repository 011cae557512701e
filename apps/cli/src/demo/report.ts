import type { DemoOutcome } from './seed.js';

/** What the demo command and the boot switch say, in Vietnamese and English (the ward reads the first). */

export function refusedMessage(cases: number): string {
  return [
    `Từ chối nạp dữ liệu mẫu: cơ sở dữ liệu đã có ${cases} hồ sơ thật (không phải dữ liệu mẫu). Dữ liệu mẫu chỉ được nạp vào cơ sở dữ liệu chưa có hồ sơ nào.`,
    `Demo data refused: the database already holds ${cases} real (non-demo) case(s). Demo data goes only into a database that holds no cases.`,
  ].join('\n');
}

export function alreadyMessage(seededAt: Date): string {
  return [
    `Cơ sở dữ liệu này đã có dữ liệu mẫu (nạp lúc ${seededAt.toISOString()}): không nạp thêm.`,
    `This database already holds the demo data (seeded at ${seededAt.toISOString()}): nothing was added.`,
  ].join('\n');
}

export function seededLines(outcome: Extract<DemoOutcome, { status: 'seeded' }>, credentials?: string): string[] {
  const { summary } = outcome;
  const lines = [
    `Đã nạp dữ liệu mẫu (DỮ LIỆU MẪU, không phải hồ sơ thật) / Demo data seeded (NOT real cases): ${summary.cases} cases, ${summary.overdue} overdue`,
    'Mã hồ sơ bắt đầu bằng DEMO- / business keys start with DEMO-; nhật ký kiểm tra có mục "demo.seeded" / the audit log holds a "demo.seeded" entry',
    '',
  ];
  const width = Math.max(...Object.keys(summary.byWorkflow).map((k) => k.length));
  for (const [key, entry] of Object.entries(summary.byWorkflow).sort()) {
    const states = Object.entries(entry.states).map(([s, n]) => `${s}${n > 1 ? ` ×${n}` : ''}`).join(', ');
    lines.push(`  ${key.padEnd(width)}  ${String(entry.cases).padStart(3)}  ${states}`);
  }
  lines.push('', `Việc trong hộp việc / inbox tasks: ${Object.entries(summary.inbox).map(([u, n]) => `${u} ${n}`).join(', ')}`);
  for (const [key, why] of Object.entries(summary.skipped)) lines.push(`  (không tạo được / not started: ${key}: ${why})`);
  if (credentials) lines.push(`Đăng nhập bằng tài khoản thử nghiệm / sign in with a demo account: password in ${credentials}`);
  return lines;
}
