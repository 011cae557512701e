// Live checking of the definition being edited: JSON syntax here (with the line), then the API's
// validation (POST /definitions/validate, debounced), each issue placed on the line of its JSON
// pointer; and the preview diagram of the last valid text (POST /definitions/diagram).
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, apiText } from '../api/client.ts';
import type { DefinitionCheck } from '../api/types.ts';
import type { LineIssue } from '../components/JsonEditor.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { lineOf, locate } from '../json/locate.ts';

/** What each problem code means, in Vietnamese, before the engine's own (English) message. */
const EXPLAIN_VI: Record<string, string> = {
  required: 'Thiếu mục bắt buộc',
  invalid_type: 'Sai kiểu dữ liệu',
  invalid_format: 'Sai định dạng (nhãn không được để trống)',
  invalid_value: 'Giá trị không được chấp nhận',
  unknown_key: 'Khóa không có trong định dạng quy trình',
  forbidden_key: 'Không được dùng (có thể chạy mã hoặc hẹn giờ ngoài nền tảng)',
  invalid_target: 'Bước đích không tồn tại',
  unknown_target: 'Bước đích không tồn tại',
  unknown_event: 'Sự kiện chưa khai báo trong "events"',
  unknown_guard: 'Điều kiện không có trong danh mục',
  unknown_action: 'Hành động không có trong danh mục',
  invalid_params: 'Tham số không hợp lệ',
  unknown_role: 'Vai trò chưa khai báo trong "roles"',
  outcome_not_accepted: 'Kết quả công việc không có chuyển bước tương ứng',
  invalid_schema: 'Biểu mẫu (JSON Schema) không hợp lệ',
  unreachable_state: 'Không có đường nào đi tới bước này',
  dead_end: 'Bước không có lối ra: hồ sơ sẽ bị kẹt',
  task_without_human_event: 'Công việc không có kết quả nào do người xử lý gửi',
  deadline_without_handler: 'Thời hạn không dẫn tới việc gì',
  role_not_held: 'Chưa có người dùng nào giữ vai trò này',
  invalid_initial: 'Bước khởi đầu không hợp lệ',
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface DefinitionCheckState {
  /** The parsed document when the text is a JSON object. */
  source?: Record<string, unknown>;
  issues: LineIssue[];
  checking: boolean;
  /** The API said valid for exactly this text. */
  valid: boolean;
  /** Whether `issues` are the API's answer for this very text. */
  current: boolean;
  preview?: string;
  previewStale: boolean;
  /** Put a check the API returned elsewhere (save, publish) on the editor. */
  setCheck(text: string, check: DefinitionCheck): void;
}

/** `depth`: the preview's collapse control (levels of steps drawn; all when undefined). */
export function useDefinitionCheck(text: string, enabled = true, depth?: number): DefinitionCheckState {
  const { t, lang } = useI18n();
  const explain = (code: string, message: string) => (lang === 'vi' && EXPLAIN_VI[code] ? `${EXPLAIN_VI[code]} — ${message}` : message);
  const located = useMemo(() => locate(text), [text]);
  const [result, setResult] = useState<{ text: string; check: DefinitionCheck } | null>(null);
  const [checking, setChecking] = useState(false);
  const latest = useRef(text);
  latest.current = text;
  const source = !located.error && isObject(located.value) ? located.value : undefined;

  useEffect(() => {
    if (!enabled || !source) return;
    if (result?.text === text) return;
    const timer = setTimeout(() => {
      setChecking(true);
      api<DefinitionCheck>('/definitions/validate', { method: 'POST', body: { source } })
        .then(
          (check) => {
            if (latest.current === text) setResult({ text, check });
          },
          () => undefined,
        )
        .finally(() => setChecking(false));
    }, 350);
    return () => clearTimeout(timer);
  }, [text, enabled]);

  const current = result?.text === text;
  const valid = !!(current && result?.check.valid && source);

  const issues = useMemo<LineIssue[]>(() => {
    if (located.error)
      return [
        {
          line: located.error.line,
          path: '',
          code: 'json_syntax',
          message: t('wf.syntax', { message: `${located.error.message} (${t('wf.lineCol', { line: located.error.line, col: located.error.column })})` }),
          severity: 'error',
        },
      ];
    if (!source) return [{ line: 1, path: '', code: 'invalid_type', message: t('v.type', { type: 'object' }), severity: 'error' }];
    if (!result) return [];
    return [
      ...result.check.issues.map((i) => ({
        line: lineOf(located, i.path),
        path: i.path,
        code: i.code,
        message: explain(i.code, i.message),
        severity: 'error' as const,
      })),
      ...result.check.warnings.map((i) => ({
        line: lineOf(located, i.path),
        path: i.path,
        code: i.code,
        message: explain(i.code, i.message),
        severity: 'warning' as const,
      })),
    ];
  }, [located, result, source, t, lang]);

  const [preview, setPreview] = useState<string>();
  useEffect(() => {
    if (!valid || !source) return;
    // Drawn by the server from the unsaved text, with the engine's own diagram code.
    apiText('/definitions/diagram', { method: 'POST', body: { source, lang, depth } }).then(
      (mermaid) => {
        if (latest.current === text) setPreview(mermaid);
      },
      () => undefined, // keep the last drawing
    );
  }, [valid, text, lang, depth]);

  return {
    source,
    issues,
    checking,
    valid,
    current,
    preview,
    previewStale: !valid,
    setCheck: (checkedText, check) => setResult({ text: checkedText, check }),
  };
}
