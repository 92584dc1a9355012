import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';

// A new password typed twice: its state, and whether the two agree.
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    repeat,
    mismatch,
    setPassword,
    setRepeat,
    // True when the two agree; false when they differ, which the fields then show.
    confirmed: () => {
      const same = password === repeat;
      setMismatch(!same);
      return same;
    },
    clear: () => {
      setPassword('');
      setRepeat('');
      setMismatch(false);
    },
  };
}

// The two fields of a new password: the server's error on the first (`error`), a mismatch on
// the second.
export function NewPasswordFields({
  state,
  ids,
  labels,
  error,
}: {
  state: ReturnType<typeof useNewPassword>;
  ids: [string, string];
  labels: [string, string];
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        id={ids[0]}
        label={labels[0]}
        type="password"
        autoComplete="new-password"
        value={state.password}
        onValueChange={state.setPassword}
        error={error}
        hint={t('12 to 128 characters. A few unrelated words make a strong one.')}
      />
      <InputField
        id={ids[1]}
        label={labels[1]}
        type="password"
        autoComplete="new-password"
        value={state.repeat}
        onValueChange={state.setRepeat}
        error={state.mismatch ? t('The two new passwords differ.') : undefined}
      />
    </>
  );
}
