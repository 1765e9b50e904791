using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Shared.Forms;

public static class FormsSetup
{
    /// <summary>
    /// Model binding's own messages ("The value 'x' is not valid") in the UI language, so that any input a
    /// user can type ends in a field message, never in an English sentence or a 500.
    /// </summary>
    public static IServiceCollection AddGermanBindingMessages(this IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, NulFreeFormBody>();
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // One submit shows every problem, cross-field rules included, not one round at a time.
            o.ValidateComplexTypesIfChildValidationFails = true;
            o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            o.ModelBinderProviders.Insert(0, new TextBinderProvider());
            var text = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => text["Der Wert „{0}“ ist ungültig.", value]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Der Wert „{0}“ ist ungültig.", value]);
            m.SetValueIsInvalidAccessor(value => text["Der Wert „{0}“ ist ungültig.", value]);
            m.SetValueMustBeANumberAccessor(_ => text["Bitte geben Sie eine Zahl ein."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => text["Bitte geben Sie eine Zahl ein."]);
            m.SetMissingBindRequiredValueAccessor(_ => text["Bitte füllen Sie dieses Feld aus."]);
            m.SetValueMustNotBeNullAccessor(_ => text["Bitte füllen Sie dieses Feld aus."]);
            m.SetMissingKeyOrValueAccessor(() => text["Bitte füllen Sie dieses Feld aus."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => text["Die Anfrage war leer. Bitte versuchen Sie es noch einmal."]);
            m.SetUnknownValueIsInvalidAccessor(_ => text["Der Wert ist ungültig."]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Der Wert ist ungültig."]);
        });
        return services;
    }
}

/// <summary>
/// A yes/no field posted as anything but true or false keeps its field message but is shown again unticked: the
/// checkbox tag helper cannot render an attempted value that is no bool and would answer 500.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder() : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None) return Task.CompletedTask;
            var value = posted.FirstValue;
            if (bool.TryParse(value, out var yes))
            {
                context.ModelState.SetModelValue(context.ModelName, posted);
                context.Result = ModelBindingResult.Success(yes);
            }
            else if (string.IsNullOrEmpty(value) && context.ModelMetadata.IsNullableValueType)
            {
                context.ModelState.SetModelValue(context.ModelName, posted);
                context.Result = ModelBindingResult.Success(null);
            }
            else
            {
                context.ModelState.SetModelValue(context.ModelName, false, "false");
                context.ModelState.TryAddModelError(context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(value ?? "", context.ModelMetadata.GetDisplayName()));
                context.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }
    }
}
