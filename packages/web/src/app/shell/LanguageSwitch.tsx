import { useId } from 'react';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../../i18n/index.ts';

/** Choice of UI language. Each language is named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Field className="language-switch" data-size="sm">
      <Label htmlFor={id}>{t('app.language')}</Label>
      <Select
        id={id}
        width="auto"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`languages.${language}`, { lng: language })}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
