using System.ComponentModel.DataAnnotations;

namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>The two password fields of the invitation and reset pages; Identity's validators check the rest on save.</summary>
internal sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Choose a password.")]
    [MinLength(12, ErrorMessage = "The password needs at least 12 characters.")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Type the password a second time.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string Confirm { get; set; } = string.Empty;
}
