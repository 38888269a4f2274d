#!/usr/bin/perl
# Every command the text shows is run, and prints what the text says.
#
#   tests/check-commands.pl doc.nw BUILD
#
# doc.nw writes each command the reader is told to type once, as
# \cmd{...} or \cmd[label]{...}.  What the text claims about it follows
# as \prints{...} (the numbers in it, \val{...} resolved from
# BUILD/data/*/values.tex, must stand in that order on one line of its
# standard output, each equal to the printed field rounded to the digits
# written) and \exits{N} (its exit status; 0 when no claim says
# otherwise).  A claim belongs to the last \cmd before it, or with
# [label] to the \cmd of that label.  Each command is run from the
# directory holding BUILD, as the reader runs it after make, with a
# shell (commands are plain: a program and its arguments).  A failure
# names the doc.nw line of the claim and of the command.  No command may
# be quoted as code, [[build/bin/PROGRAM ARGS]], where it would be shown
# but never run.  The exercises' bookkeeping is checked too: every
# \exercise has an \answer and every \answer an \exercise; sections 1
# to 11 each end with three to five exercises, from section 2 on at
# least one by hand, one by running and one by changing, and in each at
# least one that faces a misconception.
# Prints "commands: N run, M claims checked" when all is well.
use strict;
use warnings;

my ($doc, $build) = @ARGV;
die "usage: check-commands.pl doc.nw BUILD\n" unless defined $build;
open my $fh, '<', $doc or die "$doc: $!\n";
my @lines = <$fh>;
close $fh;

# The values every program wrote: \defval{key}{tex}.
my %val;
for my $f (glob "$build/data/*/values.tex") {
    open my $v, '<', $f or die "$f: $!\n";
    while (<$v>) { $val{$1} = $2 if /^\\defval\{([^}]*)\}\{(.*)\}\s*$/; }
    close $v;
}

# The argument in braces starting at $i of $s (nesting counted).
sub group {
    my ($s, $i) = @_;
    return (undef, $i) unless substr($s, $i, 1) eq '{';
    my $depth = 0;
    for (my $j = $i; $j < length $s; $j++) {
        my $c = substr($s, $j, 1);
        $depth++ if $c eq '{';
        $depth-- if $c eq '}';
        return (substr($s, $i + 1, $j - $i - 1), $j + 1) if $depth == 0;
    }
    return (undef, $i);
}

my (@commands, %by_label, @claims, $failures);
my (@exercises, %answers, $section, $part);
$failures = 0;
sub fail { print STDERR "$_[0]\n"; $failures++; }

# The text without TeX comments, with its line numbers; code chunks
# (between <<...>>= and @) are not text.
my $in_code = 0;
my $text = '';
my $begun = 0;    # the preamble defines the macros; the text starts after it
my @line_at;    # offset in $text -> line
for my $n (0 .. $#lines) {
    my $l = $lines[$n];
    $begun ||= $l =~ /^\\begin\{document\}/;
    next unless $begun;
    if ($l =~ /^<<.*>>=\s*$/) { $in_code = 1; next; }
    if ($in_code && $l =~ /^@(\s|$)/) { $in_code = 0; $l =~ s/^@//; }
    next if $in_code;
    $l =~ s/(?<!\\)%.*$//;
    push @line_at, [length $text, $n + 1];
    $text .= $l;
}
sub line_of {
    my ($off) = @_;
    my $line = 1;
    for (@line_at) { last if $_->[0] > $off; $line = $_->[1]; }
    return $line;
}

while ($text =~ /\\(cmd|prints|exits|exercise|answer|section|part)\b(\*?)/g) {
    my ($name, $star, $at) = ($1, $2, $-[0]);
    my $i = pos $text;
    my $line = line_of($at);
    if ($name eq 'part') { $part++ unless $star; next; }
    if ($name eq 'section') { $section++ if !$star && ($part // 0) == 1; next; }
    my $label = '';
    if (substr($text, $i, 1) eq '[') {
        my $j = index $text, ']', $i;
        $label = substr($text, $i + 1, $j - $i - 1);
        $i = $j + 1;
    }
    my ($arg, $next) = group($text, $i);
    defined $arg or do { fail("$doc:$line: \\$name without its argument"); next; };
    pos($text) = $next;
    if ($name eq 'exercise') {
        my ($lab) = group($text, $next);
        push @exercises, {kind => $arg, label => $lab, line => $line, section => $section};
        next;
    }
    if ($name eq 'answer') { $answers{$arg} = $line; next; }
    if ($name eq 'cmd') {
        $arg =~ s/\s+/ /g;
        my $c = {text => $arg, line => $line, claims => []};
        push @commands, $c;
        if ($label ne '') {
            fail("$doc:$line: two commands labelled $label") if $by_label{$label};
            $by_label{$label} = $c;
        }
        next;
    }
    my $c = $label ne '' ? $by_label{$label} : $commands[-1];
    if (!$c) { fail("$doc:$line: \\$name" . ($label ne '' ? "[$label]" : '') . " claims something of no command"); next; }
    push @{$c->{claims}}, {kind => $name, tex => $arg, line => $line};
}

# A command quoted as code, [[build/bin/PROGRAM ARGS]], would be shown but
# never run: the text must write it as \cmd{...}.
while ($text =~ /\[\[(build\/bin\/[^\]\s]+ [^\]]*)\]\]/g) {
    fail("$doc:" . line_of($-[0]) . ": the command [[$1]] is not run by make check: write it as \\cmd{$1}");
}

# A claimed number: its value and its significant digits.
sub numbers_in {
    my ($tex, $line) = @_;
    $tex =~ s/\\val\{([^}]*)\}/exists $val{$1} ? "{$val{$1}}" : do { fail("$doc:$line: no program wrote \\val{$1}"); '' }/ge;
    $tex =~ s/(\d(?:\.\d+)?)\s*\\times\s*10\^\{?(-?\d+)\}?/$1e$2/g;
    $tex =~ s/(?<![\d.])10\^\{?(-?\d+)\}?/1e$1/g;
    $tex =~ s/\\,//g;
    my @n;
    while ($tex =~ /(?<![\w.])(-?)(\d+(?:\.\d+)?)(?:e(-?\d+))?/g) {
        my ($sign, $m, $e) = ($1, $2, $3 // 0);
        (my $digits = $m) =~ s/\.//;
        $digits =~ s/^0+//;
        my $d = length($digits) || 1;
        push @n, {value => ($sign . $m) * 10**$e, digits => $d, text => "$sign$m" . ($e ? "e$e" : '')};
    }
    return @n;
}

# Does the printed field, rounded to the claim's digits, equal the claim?
sub matches {
    my ($field, $claim) = @_;
    return 0 unless $field =~ /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
    my $c = $claim->{value};
    return $field == 0 if $c == 0;
    my $unit = 10**(int(floor_log10(abs $c)) - $claim->{digits} + 1);
    return abs($field - $c) <= 0.5 * $unit * (1 + 1e-9);
}
sub floor_log10 { my $l = log($_[0]) / log(10); my $f = int $l; $f-- if $f > $l; $f++ if 10**($f + 1) <= $_[0]; return $f; }

my ($run, $checked) = (0, 0);
for my $c (@commands) {
    if ($c->{text} !~ m{^build/bin/[a-z-]+( [A-Za-z0-9./=-]+)*$}) {
        fail("$doc:$c->{line}: \\cmd{$c->{text}}: a command is build/bin/PROGRAM and plain arguments");
        next;
    }
    my $out = `$c->{text} 2>/dev/null`;
    my $status = $? >> 8;
    $run++;
    my @out = split /\n/, $out;
    my ($want_status, $status_line) = (0, $c->{line});
    for my $claim (@{$c->{claims}}) {
        if ($claim->{kind} eq 'exits') {
            ($want_status, $status_line) = ($claim->{tex}, $claim->{line});
            $want_status =~ s/[\$\s{}]//g;
            next;
        }
        my @want = numbers_in($claim->{tex}, $claim->{line});
        if (!@want) { fail("$doc:$claim->{line}: \\prints claims no number"); next; }
        my $found = 0;
        LINE: for my $l (@out) {
            my @f = split ' ', $l;
            my $k = 0;
            for my $f (@f) { $k++ if $k < @want && matches($f, $want[$k]); }
            if ($k == @want) { $found = 1; last LINE; }
        }
        $checked++;
        fail("$doc:$claim->{line}: the text says `$c->{text}` ($doc:$c->{line}) prints "
             . join(' ', map { $_->{text} } @want) . " on one line; it does not")
            unless $found;
    }
    $checked++;
    fail("$doc:$status_line: `$c->{text}` ($doc:$c->{line}) exits with status $status; the text says $want_status")
        unless $status == $want_status;
}

# The exercises.
my %per;
for my $e (@exercises) {
    fail("$doc:$e->{line}: exercise $e->{label} has no \\answer") unless $answers{$e->{label}};
    push @{$per{$e->{section} // 0}}, $e;
}
my %asked = map { $_->{label} => 1 } @exercises;
for (sort keys %answers) { fail("$doc:$answers{$_}: \\answer{$_} answers no exercise") unless $asked{$_}; }
# The sections that must have exercises (all of Part I once written).
my $sections_with_exercises = 11;
for my $s (1 .. $sections_with_exercises) {
    my @e = @{$per{$s} // []};
    my $where = @e ? "$doc:$e[0]{line}" : $doc;
    fail("$where: section $s has " . @e . " exercises; it needs three to five") unless @e >= 3 && @e <= 5;
    for my $kind ('By hand', 'By running', 'By changing') {
        next if $s == 1;
        fail("$where: section $s has no exercise \"$kind\"") unless grep { index($_->{kind}, $kind) == 0 } @e;
    }
    fail("$where: section $s has no exercise that faces a misconception")
        unless grep { $_->{kind} =~ /misconception/ } @e;
}
exit 1 if $failures;
printf "commands: %d run, %d claims checked; exercises: %d, all answered\n", $run, $checked, scalar @exercises;
