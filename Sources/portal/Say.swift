import Diagnostics

/// The English or the Japanese of a message, as the writer's computer is set
/// (`MessageLanguage`): what every command says outside its diagnostics (usage errors, what it
/// made, what it serves).
func say(_ english: String, _ japanese: String) -> String {
  MessageLanguage.current == .japanese ? japanese : english
}
