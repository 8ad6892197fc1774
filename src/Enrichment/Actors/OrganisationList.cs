namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Data/organisations.tsv: well-known organisations (U.S. federal agencies, international bodies, large companies, news
/// outlets), one a line as <c>name TAB kind TAB aliases separated by |</c>; lines starting with # are comments.
/// Sources and licences are in Data/README.md.
/// </summary>
internal static class OrganisationList
{
    public static IEnumerable<OrganisationEntry> Load(string fileName)
    {
        foreach (var line in DataFile.Lines(fileName))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"{fileName}: expected name, kind and aliases in \"{line}\".");
            }
            List<string> aliases = [.. fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries)];
            yield return new OrganisationEntry(fields[0], fields[1], aliases);
        }
    }
}
