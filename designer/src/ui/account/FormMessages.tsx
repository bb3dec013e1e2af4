/**
 * What a form says as a whole: its errors (announced at once) or the confirmation that it was
 * done (announced politely); nothing when there is neither.
 */
export function FormMessages({ errors, ok }: { errors: readonly string[]; ok?: string }) {
  return (
    <>
      {errors.length > 0 ? (
        <div className="alert alert-error" role="alert">
          {errors.length === 1 ? (
            errors[0]
          ) : (
            <ul className="plain">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {ok ? (
        <div className="alert alert-ok" role="status">
          {ok}
        </div>
      ) : null}
    </>
  );
}
