// Curriculum topic ids as links, comma-separated, in the order given.
import Link from "next/link";

export function TopicLinks({ topicIds }: { topicIds: readonly string[] }) {
  return (
    <>
      {topicIds.map((topic, index) => (
        <span key={topic}>
          {index > 0 ? ", " : ""}
          <Link href={`/curriculum/topics/${topic}`} className="text-emerald-700 hover:underline">
            {topic}
          </Link>
        </span>
      ))}
    </>
  );
}
