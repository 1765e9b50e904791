using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// Every bound text loses NUL characters: nobody types them, PostgreSQL refuses them in text columns (the save would
/// answer 500), and SQLite would store a string other tools cut short. Everything else binds as before.
/// </summary>
public sealed class TextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new TextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class TextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is { IsModelSet: true, Model: string text } && text.Contains('\0'))
                context.Result = ModelBindingResult.Success(text.Replace("\0", "", StringComparison.Ordinal));
        }
    }
}
