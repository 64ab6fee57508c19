import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        <Link to="/" className="text-blue-800 underline">
          Back to the shows
        </Link>
      </p>
    </section>
  );
}
