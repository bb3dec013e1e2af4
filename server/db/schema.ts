import type { Generated } from 'kysely';

/**
 * The tables of the runtime, as Kysely sees them. Instants are epoch milliseconds (bigint in
 * Postgres, integer in SQLite) and structured values are JSON text, so both dialects store the
 * same values and every comparison is numeric.
 */
export interface Database {
  procedure_versions: {
    procedure_id: string;
    version: string;
    content: string;
    registered_at: number;
  };
  /** The designer's working copy of a procedure (one per procedure), until it is published. */
  procedure_drafts: {
    procedure_id: string;
    content: string;
    layout: string | null;
    etag: string;
    base_etag: string | null;
    /** `draft` while edited, `review` once submitted. */
    status: string;
    saves: number;
    created_by: string;
    created_at: number;
    saved_by: string;
    saved_at: number;
    submitted_by: string | null;
    submitted_at: number | null;
    review_note: string | null;
  };
  /** Who published which version, when, effective from when (`source`: review or file). */
  procedure_publications: {
    id: string;
    procedure_id: string;
    version: string;
    published_by: string | null;
    submitted_by: string | null;
    published_at: number;
    effective_from: number;
    decision_number: string | null;
    source: string;
  };
  units: {
    id: string;
    name_vi: string;
    name_en: string | null;
    level: string;
    code: string | null;
    parent_id: string | null;
  };
  users: {
    id: string;
    username: string;
    password_hash: string;
    display_name: string;
    unit_id: string;
    roles: string;
    is_admin: number;
    created_at: number;
    /** When the account was locked; a locked account cannot sign in. */
    disabled_at: number | null;
    /** Until when the user has seen their unit's notices (null: since the account was created). */
    notices_seen_at: number | null;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    created_at: number;
    expires_at: number;
  };
  dossiers: {
    id: string;
    code: string;
    secret_hash: string;
    procedure_id: string;
    procedure_version: string;
    unit_id: string;
    level: string;
    channel: string;
    applicant_name: string;
    applicant_id_number: string | null;
    status: string;
    state: string;
    snapshot: string;
    version: number;
    received_at: number;
    accepted_at: number | null;
    due_at: number | null;
    original_due_at: number | null;
    completed_at: number | null;
    outcome: string | null;
    timeliness: string | null;
    awaiting_supplement: number;
    created_by: string;
    updated_at: number;
    /** Code, applicant name and ID number, lowercase without diacritics (the inbox search). */
    search_text: string | null;
  };
  /** The units that may read a dossier: it received it, held a step of it, or was named on it. */
  dossier_access: {
    dossier_id: string;
    unit_id: string;
  };
  /** Who opened which dossier when (views, prints, exports, files). Append-only. */
  access_log: {
    id: string;
    at: number;
    user_id: string;
    dossier_id: string;
    action: string;
    detail: string | null;
  };
  /** Failed attempts per key (sign-in per account and address, citizen lookups). */
  throttles: {
    key: string;
    window_start: number;
    failures: number;
    blocked_until: number;
  };
  dossier_events: {
    dossier_id: string;
    seq: number;
    type: string;
    actor: string;
    override: number;
    at: number;
    payload: string;
  };
  dossier_steps: {
    dossier_id: string;
    step_id: string;
    unit_id: string | null;
    role: string | null;
    entered_at: number;
    due_at: number | null;
  };
  step_log: {
    id: string;
    dossier_id: string;
    step_id: string;
    unit_id: string | null;
    role: string | null;
    actor: string;
    entered_at: number;
    exited_at: number;
    due_at: number | null;
    late: number;
  };
  timers: {
    dossier_id: string;
    timer_key: string;
    due_at: number;
    event: string;
    status: string;
    fired_at: number | null;
  };
  slips: {
    id: string;
    dossier_id: string;
    kind: string;
    step_id: string | null;
    due_at: number | null;
    issued_at: number;
    issued_by: string;
    /** The officer's reason (refusal, supplement request, apology…), null when none. */
    reason: string | null;
  };
  outbox: {
    id: string;
    dossier_id: string;
    audience: string;
    unit_id: string | null;
    message: string;
    created_at: number;
    sent_at: number | null;
    /** E-mail delivery attempts so far (applicant notices). */
    attempts: Generated<number>;
    /** Not before when the next attempt may run (backoff), null: at once. */
    next_attempt_at: number | null;
    last_error: string | null;
    /** How the notice went out: `email`, or `no-address` (the applicant gave no e-mail). */
    delivery: string | null;
  };
  /** A payment of a dossier's fees (biên lai thu phí, lệ phí). */
  payments: {
    id: string;
    dossier_id: string;
    receipt_no: string;
    amount_vnd: number;
    /** `desk` (cash or card at the desk), `transfer` (recorded by an officer), `provider` (webhook). */
    method: string;
    /** The bank's or provider's transaction id, unique when present. */
    transaction_id: string | null;
    payer: string | null;
    recorded_by: string;
    paid_at: number;
    recorded_at: number;
  };
  /** The citizen's satisfaction rating of a resolved dossier, scores 1–5, once per dossier. */
  ratings: {
    dossier_id: string;
    unit_id: string;
    procedure_id: string;
    attitude: number;
    timeliness: number;
    clarity: number;
    comment: string | null;
    rated_at: number;
  };
  idempotency_keys: {
    user_id: string;
    key: string;
    request_hash: string;
    status_code: number;
    response: string;
    created_at: number;
  };
  counters: {
    scope: string;
    day: string;
    value: number;
  };
  /**
   * The one-stop figures of closed local days (UTC+7), per dimension (unit, procedure, level,
   * channel) and key. Flows count on the day they happen; the `_net` columns are +1 on the day a
   * final dossier became open (overdue, awaiting) and −1 on the day it stopped being so.
   */
  report_rollup: {
    dimension: string;
    key: string;
    day: number;
    received: number;
    online: number;
    desk: number;
    post: number;
    resolved: number;
    early: number;
    on_time: number;
    late: number;
    refused: number;
    withdrawn: number;
    stopped: number;
    open_net: number;
    overdue_net: number;
    awaiting_net: number;
  };
  /** One row (id 1): the first local day not yet in `report_rollup`. */
  report_rollup_state: {
    id: number;
    upto_day: number;
  };
  /** User administration: who changed which account, when, and what (never a password). */
  audit_log: {
    id: string;
    at: number;
    actor: string;
    action: string;
    target: string;
    details: string;
  };
  /** Files sent up and not yet used by an event (they expire and are collected). */
  file_uploads: {
    id: string;
    uploader_id: string;
    sha256: string;
    size: number;
    content_type: string;
    original_name: string;
    created_at: number;
    expires_at: number;
  };
  /**
   * The files of a dossier. `document_id` is a procedure document id, `other` (with a title) or
   * `result`; `stage` is `reception` or the type of the event that attached it; `reused_from`
   * names the earlier file a reused document was taken from.
   */
  dossier_files: {
    id: string;
    dossier_id: string;
    document_id: string;
    title: string | null;
    step_id: string | null;
    stage: string;
    uploader_id: string;
    created_at: number;
    size: number;
    content_type: string;
    sha256: string;
    original_name: string;
    reused_from: string | null;
  };
}
