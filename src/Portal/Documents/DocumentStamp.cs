using System.Security.Cryptography;
using System.Text;

namespace GonPortal.Portal.Documents;

/// <summary>
/// What makes a document the same document again: its title and subject, the moment the Server computed the result
/// (creation and modification date) and the revision's identity with every line the document shows (the document ID in
/// the trailer is a SHA-256 of those). Nothing here reads a clock, so the same revision gives the same bytes.
/// </summary>
public sealed record DocumentStamp(string Title, string Subject, DateTimeOffset ComputedAt, string RevisionKey)
{
    /// <summary>The first 16 bytes of SHA-256 over the revision key and the shown lines, as the trailer's /ID.</summary>
    public byte[] DocumentId(IEnumerable<string> shownLines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(RevisionKey));
        foreach (var line in shownLines)
        {
            // A separator that no line contains, so "ab","c" and "a","bc" hash apart.
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return hash.GetHashAndReset()[..16];
    }
}
