# fish completion for dipcal. Thin: `dipcal complete -- WORD…` (cli/commands/complete.cpp) says what
# may come next, from the CLI's own parser and the fixtures in effect; this hands its answer to fish.

function __dipcal_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l reply ($tokens[1] complete -- $tokens[2..-1] $current 2>/dev/null)
    switch "$reply[1]"
        case files
            __fish_complete_path $current
        case folders
            __fish_complete_directories $current
        case words
            printf '%s\n' $reply[2..-1]
    end
end

complete -c dipcal -f -a '(__dipcal_complete)'
