import { BrowseScreen } from '@/components/browse/browse-screen';

export default async function TopicMessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { name } = await params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  return <BrowseScreen name={decodeURIComponent(name)} search={query.toString()} />;
}
