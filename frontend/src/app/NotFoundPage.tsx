import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="error-state" role="alert">
      <h1>{t('state.notFound')}</h1>
      <p>{t('state.notFoundText')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
