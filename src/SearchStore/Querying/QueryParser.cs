using System.Globalization;
using System.Text;

namespace NewsSearch.SearchStore.Querying;

/// <summary>
/// The outcome of parsing a user's query: either <see cref="Query"/> (null when the text asks for
/// everything) or an <see cref="Error"/> a person can act on.
/// </summary>
public sealed record QueryParseResult(Query? Query, string? Error)
{
    public bool IsValid => Error is null;

    public static QueryParseResult Success(Query? query) => new(query, null);

    public static QueryParseResult Failure(string error) => new(null, error);
}

/// <summary>
/// Parses the user's <c>q</c> into the project's own query model. Grammar: words, <c>"phrases"</c>,
/// <c>AND</c>/<c>OR</c>/<c>NOT</c> (upper case), <c>-word</c>, <c>prefix*</c>, parentheses; adjacent clauses mean AND.
/// It is lenient where the intent is plain (an unclosed quote or parenthesis closes at the end, stray operators
/// are ignored) and refuses what it cannot bound (too long, too many words, too deep). It never throws.
/// </summary>
public static class QueryParser
{
    public const int MaxLength = 256;
    public const int MaxTerms = 32;
    public const int MaxDepth = 8;
    /// <summary>A prefix shorter than this would expand to a large part of the vocabulary.</summary>
    public const int MinPrefixLength = 3;

    public static QueryParseResult Parse(string? text)
    {
        try
        {
            return ParseCore(text);
        }
        catch (QuerySyntaxException ex)
        {
            return QueryParseResult.Failure(ex.Message);
        }
    }

    private static QueryParseResult ParseCore(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text)) return QueryParseResult.Success(null);
        if (text.Length > MaxLength)
            return QueryParseResult.Failure($"The query is {text.Length} characters long; at most {MaxLength} are allowed.");

        var tokens = Tokenize(text);
        var parser = new Parser(tokens);
        var query = parser.ParseAll();
        return query is null
            ? QueryParseResult.Failure("The query has no words to search for; use letters or digits.")
            : QueryParseResult.Success(query);
    }

    private enum TokenKind { Word, Phrase, Open, Close, And, Or, Not, Minus }

    private readonly record struct Token(TokenKind Kind, string Text = "", bool IsPrefix = false);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(TokenKind.Open)); i++; continue; }
            if (c == ')') { tokens.Add(new Token(TokenKind.Close)); i++; continue; }
            if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                tokens.Add(new Token(TokenKind.Phrase, inner));
                i = end < 0 ? text.Length : end + 1;
                continue;
            }
            if (c == '-' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '(' || IsWordChar(text[i + 1])))
            {
                tokens.Add(new Token(TokenKind.Minus));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !IsSeparator(text[i]) && text[i] is not ('(' or ')' or '"')) i++;
            var word = text[start..i];
            switch (word)
            {
                case "AND" or "&&": tokens.Add(new Token(TokenKind.And)); break;
                case "OR" or "||": tokens.Add(new Token(TokenKind.Or)); break;
                case "NOT": tokens.Add(new Token(TokenKind.Not)); break;
                default:
                    var isPrefix = word.EndsWith('*');
                    tokens.Add(new Token(TokenKind.Word, word.TrimEnd('*'), isPrefix));
                    break;
            }
        }
        return tokens;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>Letters, digits and combining marks make words; everything else separates them.</summary>
    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || char.IsSurrogate(c);

    /// <summary>Splits text into the words the stores index: runs of letters, digits and marks.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordChar(c)) current.Append(c);
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        // A lone surrogate is not a word; dropping it keeps the words valid UTF-16.
        return words.Where(w => w.Any(char.IsLetterOrDigit) && IsWellFormedUtf16(w)).ToList();
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }

    private sealed class QuerySyntaxException(string message) : Exception(message);

    private sealed class Parser(List<Token> tokens)
    {
        private int _position;
        private int _depth;

        private int _termCount;

        public Query? ParseAll()
        {
            var clauses = new List<Query>();
            while (_position < tokens.Count)
            {
                // A stray ')' at the top level closes nothing; skip it.
                if (Peek()?.Kind == TokenKind.Close) { _position++; continue; }
                var q = ParseOr();
                if (q is not null) clauses.Add(q);
            }
            return clauses.Count switch
            {
                0 => null,
                1 => clauses[0],
                _ => new AndQuery(clauses),
            };
        }

        private Token? Peek() => _position < tokens.Count ? tokens[_position] : null;

        private Query? ParseOr()
        {
            var clauses = new List<Query>();
            var first = ParseAnd();
            if (first is not null) clauses.Add(first);
            while (Peek()?.Kind == TokenKind.Or)
            {
                _position++;
                var next = ParseAnd();
                if (next is not null) clauses.Add(next);
            }
            return clauses.Count switch
            {
                0 => null,
                1 => clauses[0],
                _ => new OrQuery(clauses),
            };
        }

        private Query? ParseAnd()
        {
            var clauses = new List<Query>();
            while (Peek() is { } token && token.Kind is not (TokenKind.Or or TokenKind.Close))
            {
                if (token.Kind == TokenKind.And) { _position++; continue; }
                var clause = ParseUnary();
                if (clause is not null) clauses.Add(clause);
            }
            return clauses.Count switch
            {
                0 => null,
                1 => clauses[0],
                _ => new AndQuery(clauses),
            };
        }

        private Query? ParseUnary()
        {
            var token = tokens[_position];
            if (token.Kind is TokenKind.Not or TokenKind.Minus)
            {
                _position++;
                if (Peek() is not { } next || next.Kind is TokenKind.Or or TokenKind.Close or TokenKind.And) return null;
                Enter();
                var inner = ParseUnary();
                _depth--;
                return inner switch
                {
                    null => null,
                    NotQuery not => not.Clause,
                    _ => new NotQuery(inner),
                };
            }
            return ParsePrimary();
        }

        private Query? ParsePrimary()
        {
            var token = tokens[_position++];
            switch (token.Kind)
            {
                case TokenKind.Open:
                    Enter();
                    var inner = ParseOr();
                    if (Peek()?.Kind == TokenKind.Close) _position++;
                    _depth--;
                    return inner;
                case TokenKind.Phrase:
                    return MakePhrase(Words(token.Text), isPrefix: false);
                case TokenKind.Word:
                    return MakePhrase(Words(token.Text), token.IsPrefix);
                default:
                    return null;
            }
        }

        private Query? MakePhrase(IReadOnlyList<string> words, bool isPrefix)
        {
            if (words.Count == 0) return null;
            _termCount += words.Count;
            if (_termCount > MaxTerms)
                throw new QuerySyntaxException($"The query has more than {MaxTerms} words; at most {MaxTerms} are allowed.");
            if (words.Count == 1)
            {
                if (isPrefix && words[0].Length < MinPrefixLength)
                    throw new QuerySyntaxException($"A prefix search needs at least {MinPrefixLength} letters before '*' (\"{words[0]}*\").");
                return new TermQuery(words[0], isPrefix);
            }
            // "Tehreek-e-Taliban" is one word to the user and a phrase to the index.
            return new PhraseQuery(words);
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
                throw new QuerySyntaxException($"The query nests parentheses or NOTs more than {MaxDepth} deep.");
        }
    }
}
