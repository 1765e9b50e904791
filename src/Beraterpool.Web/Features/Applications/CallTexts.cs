using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>The words for a call's kinds and dates, in the page's language.</summary>
public sealed class CallTexts(IStringLocalizer text)
{
    public string Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.ShortText => text["Kurzer Text"],
        QuestionKind.LongText => text["Langer Text"],
        QuestionKind.SingleChoice => text["Einfachauswahl"],
        QuestionKind.MultipleChoice => text["Mehrfachauswahl"],
        QuestionKind.YesNo => text["Ja/Nein"],
        QuestionKind.FileUpload => text["Datei-Upload"],
        _ => kind.ToString(),
    };

    public string Period(DateTimeOffset opens, DateTimeOffset closes) =>
        text["{0} bis {1} Uhr", ProgrammeTime.ToLocal(opens).ToString("d"), ProgrammeTime.ToLocal(closes).ToString("g")];
}
