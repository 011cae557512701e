import { ADDRESSES, CITIZENS, NUMBER_SIGNS, PHONES, REMARKS, SUBJECTS } from './texts.js';
import type { Random } from './random.js';

/**
 * Every payload of the demo year is built here, from the JSON Schema the published definition gives
 * for the start input or the event: field names choose believable Vietnamese values, so a renamed or
 * added field still gets a value (read at run time, never copied from workflows/). `variant` widens
 * the search when a guard refuses the first try: 0 all fields, 1 other choices and later dates,
 * 2 required fields only.
 */

type Schema = Record<string, any>;

export interface PayloadContext {
  workflow: string;
  /** The step's instant: dates in the payload are read around it. */
  at: Date;
  /** Units in order of preference (the actor's own, or those of the people who will act next): a unit field names the first it can. */
  units: string[];
  random: Random;
  variant: number;
  /** The case's number in its workflow, so that cases of one workflow tell different stories. */
  index: number;
}

const UNIT_KEY_PATTERN = '^[a-z][a-z0-9-]{1,62}$';
const DAY = 86_400_000;

/** The calendar day in Việt Nam (UTC+7) `days` after `at`, as YYYY-MM-DD. */
export function vietnamDay(at: Date, days = 0): string {
  return new Date(at.getTime() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
}

export function buildPayload(schema: Schema | undefined, ctx: PayloadContext): Record<string, unknown> {
  if (!schema) return {};
  const value = objectValue(schema, ctx, '');
  return fixTotals(value);
}

function objectValue(schema: Schema, ctx: PayloadContext, path: string): Record<string, any> {
  const out: Record<string, any> = {};
  const required: string[] = schema.required ?? [];
  for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) {
    const needed = required.includes(name);
    if (!needed && (ctx.variant === 2 || isFile(prop))) continue;
    const v = value(prop, name, ctx, `${path}/${name}`, needed);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function isFile(schema: Schema): boolean {
  return schema.format === 'phoihop-file' || schema.items?.format === 'phoihop-file';
}

function value(schema: Schema, name: string, ctx: PayloadContext, path: string, needed: boolean): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return enumValue(schema.enum, ctx);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length) return value(alternatives[0], name, ctx, path, needed);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return objectValue(schema, ctx, path);
    case 'array':
      return arrayValue(schema, name, ctx, path, needed);
    case 'integer':
    case 'number':
      return numberValue(schema, name, ctx);
    case 'boolean':
      // Criteria met by default; the other variants take the other branch.
      return ctx.variant === 1 ? false : name.startsWith('la') || name.startsWith('vi') ? ctx.random.next() < 0.3 : true;
    case 'string':
      return stringValue(schema, name, ctx);
    default:
      return undefined;
  }
}

function enumValue(values: unknown[], ctx: PayloadContext): unknown {
  const unit = ctx.units.find((u) => values.includes(u));
  if (unit !== undefined) return unit;
  return ctx.random.pick(values);
}

/** Lists whose items are cases of another workflow (a reception session's letters): their texts are that workflow's. */
const ITEM_TOPICS: Record<string, string> = { khieuNai: 'complaint', toCao: 'denunciation', kienNghi: 'petition', moHinh: 'dan-van-kheo-nomination' };

function arrayValue(schema: Schema, name: string, ctx: PayloadContext, path: string, needed: boolean): unknown[] | undefined {
  if (isFile(schema)) return needed && (schema.minItems ?? 0) === 0 ? [] : undefined;
  const items: Schema = schema.items ?? { type: 'string' };
  const count = Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, items.type === 'object' ? ctx.random.int(1, 3) : ctx.random.int(1, 2)));
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const item = value(items, name, { ...ctx, workflow: ITEM_TOPICS[name] ?? ctx.workflow, index: ctx.index + i }, `${path}/${i}`, true);
    if (item === undefined) return undefined;
    if (schema.uniqueItems && out.some((o) => JSON.stringify(o) === JSON.stringify(item))) continue;
    out.push(item);
  }
  return out;
}

function numberValue(schema: Schema, name: string, ctx: PayloadContext): number {
  const min: number = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  const max: number = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 1000);
  const clamp = (n: number) => Math.max(min, Math.min(max, Math.round(n)));
  const lower = name.toLowerCase();
  if (lower === 'nam' || lower.endsWith('nam')) return clamp(Number(vietnamDay(ctx.at).slice(0, 4)) + (ctx.variant === 1 ? 1 : 0));
  if (lower.includes('diem')) return clamp(max >= 100 ? [92, 85, 68][ctx.variant] : max * [0.95, 0.8, 0.6][ctx.variant]);
  if (lower === 'songuoiky') return clamp(ctx.variant === 1 ? 6 : 1);
  // Every other case is a large gathering (more than 200 people takes another path: the police's opinion).
  if (/^songuoi(thamdu|thamgia)/.test(lower)) return clamp(ctx.index % 2 === 0 ? 250 : 80);
  if (lower.includes('tien') || lower.includes('kinhphi')) return clamp(ctx.random.pick([2_000_000, 5_000_000, 12_500_000]));
  if (lower.startsWith('so')) return clamp(ctx.random.int(Math.max(min, 3), Math.min(max, 150)));
  return clamp(min + (max - min) * 0.9);
}

function stringValue(schema: Schema, name: string, ctx: PayloadContext): string | undefined {
  if (schema.format === 'date') return vietnamDay(ctx.at, dayOffset(name, ctx));
  if (schema.format === 'date-time') return dateTime(name, ctx);
  if (schema.pattern === UNIT_KEY_PATTERN) return ctx.units[0];
  const text = fit(textFor(name, ctx), schema);
  if (schema.pattern && !new RegExp(schema.pattern).test(text)) return undefined;
  return text;
}

/** Days from the step to a date field: meetings and time limits lie ahead, records of what happened lie on the step's day. */
function dayOffset(name: string, ctx: PayloadContext): number {
  const ahead = /han|ketThuc|suKien|ngayHop|hoiNghi|toChuc|tiepBu|duKien|moc/i.test(name);
  if (ahead) return [14, 45, 7][ctx.variant];
  return ctx.variant === 1 ? -1 : 0;
}

function dateTime(name: string, ctx: PayloadContext): string {
  const year = Number(vietnamDay(ctx.at).slice(0, 4));
  if (/giuaNam/i.test(name)) return `${year}-06-15T01:00:00.000Z`;
  if (/cuoiNam/i.test(name)) return `${year}-12-10T01:00:00.000Z`;
  const days = /han|mucTieu|moc/i.test(name) ? [60, 120, 30][ctx.variant] : 0;
  return new Date(ctx.at.getTime() + days * DAY).toISOString();
}

function fit(text: string, schema: Schema): string {
  let out = text;
  if (schema.maxLength !== undefined && out.length > schema.maxLength) out = out.slice(0, schema.maxLength).trimEnd();
  while (schema.minLength !== undefined && out.length < schema.minLength) out += '.';
  return out;
}

function subject(ctx: PayloadContext): string {
  const pool = SUBJECTS[ctx.workflow] ?? REMARKS.baoCao;
  return pool[ctx.index % pool.length];
}

/** A value for a text field, chosen by what its name says it holds. */
function textFor(name: string, ctx: PayloadContext): string {
  const r = ctx.random;
  const year = vietnamDay(ctx.at).slice(0, 4);
  if (/^(hoTen|ten)$|^nguoi(KhieuNai|ToCao|BiToCao|KienNghi|LienHe|DaiDien|LienQuan|Ky|ChuTri)|^chuTri$/.test(name)) {
    return CITIZENS[(ctx.index * 5 + r.int(0, CITIZENS.length - 1)) % CITIZENS.length];
  }
  if (/diaChi/i.test(name)) return ADDRESSES[ctx.index % ADDRESSES.length];
  if (/dienThoai/i.test(name)) return PHONES[ctx.index % PHONES.length];
  if (name === 'soGiayTo') return `0310${r.int(10000000, 99999999)}`;
  if (name === 'soVaoSo') return `${r.int(10, 480)}/${year}`;
  if (name === 'soHoSo') return `HS-${year}-${String(r.int(1, 300)).padStart(3, '0')}`;
  if (name === 'maDon') return `ĐTC-${year}-${String(r.int(1, 200)).padStart(3, '0')}`;
  if (/^so[A-Z]/.test(name) || name === 'soHieu') {
    const sign = NUMBER_SIGNS.find(([re]) => re.test(name))?.[1] ?? 'UBND';
    return `${r.int(12, 389)}/${sign}`;
  }
  if (name === 'gioHop') return '08:00';
  if (name === 'kyBaoCao') return `6 tháng đầu năm ${year}`;
  if (name === 'thanhPhan') return 'Lãnh đạo UBND phường, đại diện Ủy ban MTTQ phường, công dân và các bên liên quan';
  if (name === 'tepDinhKem' || name === 'taiLieu' || name === 'minhChung' || name === 'hoSoLienQuan') return `Tài liệu số ${r.int(1, 40)}/${year} (bản scan lưu tại bộ phận văn thư)`;
  if (/^diaDiem/.test(name)) return r.pick(REMARKS.diaDiem);
  if (/^noiNhan|^coQuan/.test(name)) return r.pick(name.startsWith('noiNhan') ? REMARKS.noiNhan : REMARKS.coQuan);
  if (/^(ten|tenMoHinh|tenDeAn|tenSuKien|trichYeu|tomTat|noiDung|moTa|mucDich|duThao|noiDungTrongTam|toChucDangKy)$/.test(name)) {
    if (name === 'toChucDangKy') return r.pick(['Ủy ban MTTQ phường An Phong', 'Hội Liên hiệp Phụ nữ phường', 'Đoàn Thanh niên phường An Phong', 'Trường THCS An Phong']);
    if (ctx.workflow === 'dan-van-kheo-nomination' && name === 'moTa') return `${subject(ctx)}: vận động nhân dân cùng thực hiện, có kết quả đo đếm được.`;
    return subject(ctx);
  }
  if (/^lyDo/.test(name)) return r.pick(REMARKS.lyDo);
  if (/^(yKien|nhanXet|gopY|yeuCau)/.test(name)) return r.pick(REMARKS.yKien);
  if (/^(ketLuan|ketQua|danhGia|tinhTrang)/.test(name)) return r.pick(REMARKS.ketLuan);
  if (/^(baoCao|chiTieu|bienPhap|kienNghi|deXuat|giaiTrinh|dieuChinh|thanhTich|noiDung|phanCong|hanChe|baiHoc)/.test(name)) return r.pick(REMARKS.baoCao);
  return r.pick(REMARKS.generic);
}

/** A form with criteria and a total: the total is the criteria's sum, as its guard checks. */
function fixTotals(payload: Record<string, any>): Record<string, any> {
  const criteria = payload.tieuChi;
  if (criteria && typeof criteria === 'object' && typeof payload.tongDiem === 'number') {
    payload.tongDiem = Object.values(criteria).reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
  }
  return payload;
}
