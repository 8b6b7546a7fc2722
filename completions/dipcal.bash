# bash completion for dipcal                                     -*- shell-script -*-
# Thin: `dipcal complete -- WORD…` (cli/commands/complete.cpp) says what may come next, from the CLI's
# own parser and the fixtures in effect; this only hands its answer to bash.

_dipcal() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion -n =: || return
  else
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}
  fi
  local IFS=$'\n' reply line
  # Tilde and variables in the command's own name, as bash would run it.
  local program=${words[0]/#\~/$HOME}
  reply=($("$program" complete -- "${words[@]:1:cword-1}" "$cur" 2>/dev/null)) || return
  case ${reply[0]} in
    files)
      if declare -F _filedir >/dev/null; then _filedir; else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    folders)
      if declare -F _filedir >/dev/null; then _filedir -d; else COMPREPLY=($(compgen -d -- "$cur")); fi ;;
    words)
      local candidates=()
      for line in "${reply[@]:1}"; do candidates+=("${line%%$'\t'*}"); done
      COMPREPLY=($(compgen -W "${candidates[*]}" -- "$cur")) ;;
  esac
}
complete -F _dipcal dipcal
