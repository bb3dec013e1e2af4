import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { Component, useState, type ReactNode } from 'react';
import { FORM_WIDGETS } from '../forms/DateInput.tsx';

/** A preview that survives a schema being mid-edit (an invalid pattern must not break the page). */
class PreviewBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed)
      this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? <p className="muted small">—</p> : this.props.children;
  }
}

/**
 * The e-form as the applicant or officer will see it, rendered by @rjsf/core from its JSON
 * Schema with live validation (loaded only when the forms tab is opened).
 */
export function FormPreview({ schema }: { schema: RJSFSchema }) {
  const [data, setData] = useState<Record<string, unknown>>({});
  return (
    <PreviewBoundary resetKey={JSON.stringify(schema)}>
      <Form
        schema={schema}
        validator={validator}
        widgets={FORM_WIDGETS}
        formData={data}
        onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}
        liveValidate
        showErrorList={false}
        uiSchema={{ 'ui:submitButtonOptions': { norender: true } }}
      />
    </PreviewBoundary>
  );
}
