#!/usr/bin/zsh -f
# Runs zsh's completion system for real on a command line and prints what it offers, one per line:
#   zsh_complete.zsh COMPLETIONS_DIR 'dipcal until busan --from kl-'
# An interactive zsh in a pseudo-terminal (zsh/zpty) loads compinit with COMPLETIONS_DIR first in
# $fpath, the line is typed followed by Tab, and compadd is wrapped so that every match it accepts
# (after zsh's own prefix matching) is also printed. After the idea of Valodim's zsh-capture-completion.
zmodload zsh/zpty || exit 2
completions=$1 line=$2
zpty dipcal_zsh zsh -f -i
setup=$(mktemp)
trap 'rm -f $setup; zpty -d dipcal_zsh' EXIT
cat >$setup <<SETUP
PROMPT= RPROMPT=
fpath=(${(q)completions} \$fpath)
autoload -U compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
# Markers around the completion's matches.
dipcal_begin() { print; print -r -- @@begin@@ }
dipcal_end() { print -r -- @@end@@ }
compprefuncs=(dipcal_begin)
comppostfuncs=(dipcal_end)
compadd() {
  # Calls that only ask (-O, -A, -D) pass through untouched.
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "\$@"; return; fi
  local -a hits
  builtin compadd -A hits "\$@"
  builtin compadd "\$@"
  local hit
  for hit in \$hits; do print -r -- "\$hit"; done
}
print ready
SETUP
zpty -w dipcal_zsh "source ${(q)setup}"
local out
repeat 20; do zpty -r dipcal_zsh out; [[ -n $DEBUG ]] && print -r -- "SETUP: ${(q+)out}"; [[ $out == *ready* ]] && break; done
[[ $out == *ready* ]] || { print -u2 "zsh did not start"; exit 2 }
zpty -w -n dipcal_zsh "$line"$'\t'
integer started=0
while zpty -r dipcal_zsh out; do
  [[ -n $DEBUG ]] && print -r -- "READ: ${(q+)out}"
  out=${out%$'\n'}
  out=${out%$'\r'}
  case $out in
    *@@begin@@*) started=1 ;;
    *@@end@@*) exit 0 ;;
    *) (( started )) && print -r -- $out ;;
  esac
done
exit 2
