namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>The key of the one-line confirmation a page shows after a POST-redirect-GET ("Gespeichert.").</summary>
public static class StatusMessage
{
    public const string Key = "StatusMessage";
}
